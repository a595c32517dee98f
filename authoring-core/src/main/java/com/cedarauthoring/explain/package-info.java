/** Cedar to plain English; request generation, decision examples and semantic equivalence. */
package com.cedarauthoring.explain;
