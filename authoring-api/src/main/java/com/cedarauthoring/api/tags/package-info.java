/** HTTP operations of resource tags: TagResource, UntagResource, ListTagsForResource on {@code /tags/{resourceArn}}. */
package com.cedarauthoring.api.tags;
