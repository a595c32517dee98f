package com.cedarauthoring.api.observe;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * {@code --log-format text|json}. Text is logback.xml's pattern; JSON is one object per line (logback's
 * own {@link JsonEncoder}: timestamp, level, threadName, loggerName, mdc with the {@code requestId} of
 * the request a line belongs to, message, throwable), for log pipelines that parse fields.
 */
public enum LogFormat {
    TEXT, JSON;

    /** {@code text} or {@code json}, any case. */
    public static LogFormat parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--log-format must be text or json, not '" + value + "'");
        }
    }

    /** Applies this format to every logger of the process (the root's console appender). */
    public void apply() {
        if (this == TEXT || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithArguments(false);
        encoder.setWithMessage(false);          // the raw "{}" template ...
        encoder.setWithFormattedMessage(true);  // ... is replaced by the message as written
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console-json");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(console);
    }
}
