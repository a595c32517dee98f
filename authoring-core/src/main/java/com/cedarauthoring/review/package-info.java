/**
 * Review of generated assets: approve (which creates the policy), reject, request changes; four-eyes; a
 * configurable number of approvals; every decision recorded in the review history and the audit trail in the
 * same transaction as the policy it creates.
 */
package com.cedarauthoring.review;
