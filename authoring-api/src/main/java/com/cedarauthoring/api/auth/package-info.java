/**
 * Who is calling and what they may do: the {@link com.cedarauthoring.api.auth.Authenticator} port (AWS
 * Signature V4 against a credentials file, or local mode), and the role every route declares
 * ({@link com.cedarauthoring.api.auth.Access}), checked before the handler runs.
 */
package com.cedarauthoring.api.auth;
