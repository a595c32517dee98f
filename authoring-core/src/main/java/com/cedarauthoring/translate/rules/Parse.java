package com.cedarauthoring.translate.rules;

import com.cedarauthoring.translate.rules.SchemaIndex.Attr;
import com.cedarauthoring.translate.rules.SchemaIndex.Tool;
import java.util.ArrayList;
import java.util.List;

/**
 * The state one parse of one requirement shares between its phrase parsers: tokens, the schema, the readings
 * chosen so far. One per requirement and reading; never shared between threads.
 */
final class Parse {
    final SchemaIndex index;
    final Tokens t;
    final Choices choices;
    final List<Diagnostic> notes = new ArrayList<>();
    /** JWT gateways carry claims as tags; AWS_IAM callers have none. */
    final boolean tags;
    /** The tools the action phrase chose; conditions bind to their common attributes. */
    List<Tool> tools = List.of();
    /** The subject of the previous condition ("the amount is over 10 and under 20"). */
    Attr lastSubject;
    /** Conditions the action phrase itself carries ("high-sensitivity models"). */
    final List<Cond> actionConds = new ArrayList<>();

    Parse(SchemaIndex index, Tokens t, Choices choices) {
        this.index = index;
        this.t = t;
        this.choices = choices;
        this.tags = index.schema.authorizer().principalHasTags();
    }

    boolean w(int k, String word) {
        return t.is(k, word);
    }
}
