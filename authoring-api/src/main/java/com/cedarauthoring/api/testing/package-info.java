/** Testing policies before they are enforced: authorize, test runs and the gateway-style MCP test endpoint. */
package com.cedarauthoring.api.testing;
