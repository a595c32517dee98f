/** HTTP surface of policy engines and policies: AgentCore's paths, members, status codes and errors. */
package com.cedarauthoring.api.policy;
