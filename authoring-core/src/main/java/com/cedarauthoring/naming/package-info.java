/** Name and id rules ({@code ^[A-Za-z][A-Za-z0-9_]*$}, 1-48 chars), ARNs and id generation. */
package com.cedarauthoring.naming;
