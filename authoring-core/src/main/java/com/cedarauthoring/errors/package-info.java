/**
 * The client-visible failures of the service, one class per AgentCore error type. Infrastructure
 * failures are ordinary unchecked exceptions and surface as InternalServerException without details.
 */
package com.cedarauthoring.errors;
