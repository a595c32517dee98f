/** The audit trail over HTTP: recording state changes made through the API, and {@code /audit-events}. */
package com.cedarauthoring.api.audit;
