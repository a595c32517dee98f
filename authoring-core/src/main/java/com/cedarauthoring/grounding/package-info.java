/**
 * The grounding check (cedar-conventions.md section 5): every part of a candidate policy must have words
 * of its requirement behind it, whatever translator produced it. A translator's alignment is verified,
 * never trusted; without one the evidence is derived from the policy and the text. Only
 * {@link com.cedarauthoring.grounding.GroundingCheck} and {@link com.cedarauthoring.grounding.GroundingResult}
 * are public; each rule is one package-private step.
 */
package com.cedarauthoring.grounding;
