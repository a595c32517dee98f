/**
 * The only place that touches cedar-java: parse, format, validate, authorize, EST and the typed
 * {@link com.cedarauthoring.cedar.est.PolicyView}. It depends on no domain package: Cedar's type model
 * ({@link com.cedarauthoring.cedar.CedarType}, {@link com.cedarauthoring.cedar.Attribute}) lives here, and
 * schemas come in through the {@link com.cedarauthoring.cedar.CedarSchema} port that the gateway's derived
 * schema implements ({@code PackageCyclesTest} keeps the top-level packages acyclic).
 */
package com.cedarauthoring.cedar;
