/** Policy engines and policies: validation modes, create-from-asset, engine/gateway attachment. */
package com.cedarauthoring.policy;
