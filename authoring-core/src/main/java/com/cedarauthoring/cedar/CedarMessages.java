package com.cedarauthoring.cedar;

import com.cedarpolicy.model.DetailedError;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cedar's answers as a person should read them: without JNI plumbing, with Cedar's help text. */
final class CedarMessages {
    private static final Pattern MULTIPLE_POLICY_TOKEN = Pattern.compile("unexpected token `(permit|forbid)`");

    private CedarMessages() {}

    static String describe(DetailedError e) {
        String msg = clean(e.message);
        return e.help.map(h -> msg + " (" + h + ")").orElse(msg);
    }

    /** Strips JNI plumbing from cedar-java messages so users see Cedar's own words. */
    static String clean(String message) {
        if (message == null) {
            return "unknown Cedar error";
        }
        String m = message.replace("Internal error: ", "").replace("Internal JNI Error: ", "").strip();
        Matcher multiple = MULTIPLE_POLICY_TOKEN.matcher(m);
        return multiple.find() ? m + " (a statement must hold exactly one policy)" : m;
    }

    /** Why a parsed statement cannot be validated as one policy; empty when it is exactly one. */
    static Optional<String> notOnePolicy(ParseOutcome parsed) {
        if (parsed instanceof ParseOutcome.SyntaxError err) {
            return Optional.of(err.message());
        }
        int n = ((ParseOutcome.Parsed) parsed).policies().size();
        return n == 1 ? Optional.empty() : Optional.of("the statement must hold exactly one policy, found " + n);
    }
}
