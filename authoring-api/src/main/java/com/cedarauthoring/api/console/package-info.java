/**
 * The reviewer console: static files served from the jar under {@code /console/}, and its sign-in (an access
 * key exchanged for an HttpOnly, SameSite=Strict session cookie; state-changing requests carry a CSRF token).
 * The console's pages call the same API as every other client.
 */
package com.cedarauthoring.api.console;
