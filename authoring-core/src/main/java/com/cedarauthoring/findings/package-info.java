/** Findings on candidate policies and the analyses that produce them (cedar-conventions.md section 4). */
package com.cedarauthoring.findings;
