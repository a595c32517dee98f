package com.cedarauthoring.translate.rules;

/**
 * One family of predicate forms that {@link PredicateParser} dispatches to ({@link Comparison} for numbers,
 * {@link ValuePredicate} for stated values): the parse they read, the resolver that binds their subject,
 * and the parser itself for leftovers and value tokens.
 */
abstract class PredicateForm {
    final Parse p;
    final Tokens t;
    final AttributeResolver attrs;
    final PredicateParser predicates;

    PredicateForm(Parse p, AttributeResolver attrs, PredicateParser predicates) {
        this.p = p;
        this.t = p.t;
        this.attrs = attrs;
        this.predicates = predicates;
    }

    final boolean w(int k, String word) {
        return t.is(k, word);
    }
}
