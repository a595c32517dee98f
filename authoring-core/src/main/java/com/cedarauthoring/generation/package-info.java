/** The policy generation job pipeline (durable, on db-scheduler) and its state machine. */
package com.cedarauthoring.generation;
