/**
 * Semantic comparison of policies by Cedar decisions on generated request sets. Below both
 * {@code translate} (the hybrid cross-check) and {@code explain} (decision examples), so neither depends
 * on the other.
 */
package com.cedarauthoring.semantics;
