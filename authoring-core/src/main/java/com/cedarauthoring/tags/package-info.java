/**
 * Resource tags (TagResource, UntagResource, ListTagsForResource, and the {@code tags} of CreateGateway and
 * CreatePolicyEngine): AWS's limits, storage keyed by resource ARN, and which ARNs can carry tags.
 */
package com.cedarauthoring.tags;
