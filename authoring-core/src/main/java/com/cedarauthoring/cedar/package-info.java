/** The only place that touches cedar-java: parse, format, validate, authorize, EST. */
package com.cedarauthoring.cedar;
