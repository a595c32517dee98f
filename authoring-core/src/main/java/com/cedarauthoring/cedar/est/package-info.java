/**
 * A typed, read-only view of one Cedar policy built once from its EST (Cedar's JSON form). {@link
 * com.cedarauthoring.cedar.est.EstReader} is the only class that knows EST key names; everything else
 * (scope rules, grounding, analyses) reads {@link com.cedarauthoring.cedar.est.PolicyView}.
 */
package com.cedarauthoring.cedar.est;
