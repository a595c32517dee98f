/** AgentCore gateway and gateway target operations, and the gateway schema extension. */
package com.cedarauthoring.api.gateway;
