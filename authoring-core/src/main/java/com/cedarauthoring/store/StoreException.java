package com.cedarauthoring.store;

import java.sql.SQLException;

/** The database failed (infrastructure). Surfaces as InternalServerException without details. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super("database error (SQLState " + cause.getSQLState() + ")", cause);
    }
}
