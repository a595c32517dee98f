/** The picocli subcommands: {@code serve} (the HTTP service) and {@code generate} (offline pipeline run). */
package com.cedarauthoring.api.cli;
