/**
 * Testing policies before they are enforced: one request or a suite of cases evaluated against an engine's
 * policies (optionally with candidate policies added), with what LOG_ONLY policies would have decided,
 * and which tools a caller could call at all. Evaluation builds the same Cedar entities a gateway builds.
 */
package com.cedarauthoring.testing;
