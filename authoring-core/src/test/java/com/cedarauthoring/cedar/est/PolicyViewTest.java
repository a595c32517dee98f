package com.cedarauthoring.cedar.est;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.est.PolicyView.ActionScope;
import com.cedarauthoring.cedar.est.PolicyView.EntityRef;
import com.cedarauthoring.cedar.est.PolicyView.Scope;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The typed view of a policy, read from real cedar-java ESTs. */
class PolicyViewTest {
    private static final Cedar CEDAR = new Cedar();
    private static final String GW = "AgentCore::Gateway::\"arn:aws:bedrock-agentcore:us-east-1:1:gateway/g\"";
    private static final Expr AMOUNT = new Expr.Attr(new Expr.Attr(new Expr.Var("context"), "input"), "amount");

    private static PolicyView view(String policy) {
        return CEDAR.view(policy);
    }

    @Test
    void scopesAndTheIdsTheyName() {
        PolicyView eq = view("forbid(principal == AgentCore::OAuthUser::\"u1\", action == AgentCore::Action::\"T___a\", resource == " + GW + ");");
        assertThat(eq.effect()).isEqualTo(PolicyView.Effect.FORBID);
        assertThat(eq.principal().scopeEntity()).contains(new EntityRef("AgentCore::OAuthUser", "u1"));
        assertThat(eq.action().ids()).containsExactly("T___a");
        assertThat(eq.resource().scopeEntity().map(EntityRef::id)).contains("arn:aws:bedrock-agentcore:us-east-1:1:gateway/g");

        PolicyView list = view("permit(principal is AgentCore::OAuthUser, action in [AgentCore::Action::\"T___a\", AgentCore::Action::\"T___b\"], resource in " + GW + ");");
        assertThat(list.principal()).isEqualTo(new Scope.Is("AgentCore::OAuthUser"));
        assertThat(list.principal().scopeEntity()).isEmpty();
        assertThat(list.action()).isInstanceOf(ActionScope.InList.class);
        assertThat(list.action().ids()).containsExactly("T___a", "T___b");
        assertThat(list.resource()).isInstanceOf(Scope.In.class);
        assertThat(list.resource().scopeEntity()).isPresent();

        PolicyView group = view("permit(principal, action in AgentCore::Action::\"T\", resource);");
        assertThat(group.action()).isEqualTo(new ActionScope.InGroup(new EntityRef("AgentCore::Action", "T")));
        assertThat(group.action().ids()).containsExactly("T");
        assertThat(group.principal()).isInstanceOf(Scope.Any.class);
        assertThat(view("permit(principal, action, resource);").action().ids()).isEmpty();
    }

    @Test
    void entityLiteralsAndIsAreTyped() {
        PolicyView v = view("permit(principal, action, resource) when { principal is AgentCore::OAuthUser in AgentCore::Group::\"g\""
                + " && resource == " + GW + " };");
        Expr.And and = (Expr.And) v.conditions().get(0).body();
        Expr.Is is = (Expr.Is) and.left();
        assertThat(is.entityType()).isEqualTo("AgentCore::OAuthUser");
        assertThat(is.in()).contains(new Expr.Entity(new EntityRef("AgentCore::Group", "g")));
        Expr.Compare eq = (Expr.Compare) and.right();
        assertThat(eq.right()).isInstanceOf(Expr.Entity.class);
        Expr.Is plain = (Expr.Is) view("permit(principal, action, resource) when { principal is AgentCore::OAuthUser };")
                .conditions().get(0).body();
        assertThat(plain.in()).isEmpty();
    }

    @Test
    void unmodelledOperatorsKeepTheirOperandsAndSource() {
        PolicyView v = view("permit(principal, action, resource) when { context.input.tags.containsAny([\"a\", \"b\"]) };");
        Expr.Other other = (Expr.Other) v.conditions().get(0).body();
        assertThat(other.op()).isEqualTo("containsAny");
        assertThat(other.operands()).hasSize(2);
        assertThat(other.operands().get(1)).isEqualTo(new Expr.SetLit(List.of(new Expr.Lit("a"), new Expr.Lit("b"))));
        assertThat(other.source()).startsWith("{\"containsAny\":");
        assertThat(other.descendants()).contains(new Expr.Lit("a"), new Expr.Lit("b"));
        assertThat(other.variables()).containsExactly("context");
    }

    @Test
    void walksSeeEverySubExpressionInSourceOrder() {
        Expr body = view("permit(principal, action, resource) when { context.input has amount && context.input.amount < 500"
                + " && principal.getTag(\"role\") == \"admin\" };").conditions().get(0).body();
        List<Object> literals = body.descendants().stream()
                .filter(e -> e instanceof Expr.Lit).map(e -> ((Expr.Lit) e).value()).toList();
        assertThat(literals).containsExactly(500L, "role", "admin");
        assertThat(body.mentions(AMOUNT)).isTrue();
        assertThat(body.mentions(new Expr.Attr(AMOUNT, "currency"))).isFalse();
        assertThat(body.variables()).containsExactly("context", "principal");
        assertThat(AMOUNT.children()).containsExactly(new Expr.Attr(new Expr.Var("context"), "input"));
        assertThat(new Expr.Lit(1L).children()).isEmpty();
    }

    @Test
    void decimalMethodsReadAsComparisons() {
        Expr body = view("permit(principal, action, resource) when { context.input.rate.lessThan(decimal(\"1.5\")) };")
                .conditions().get(0).body();
        assertThat(body).isEqualTo(new Expr.Compare(Op.LT, new Expr.Attr(new Expr.Attr(new Expr.Var("context"), "input"), "rate"),
                new Expr.Decimal(new java.math.BigDecimal("1.5"))));
    }

    @Test
    void viewsAreSharedAndRefuseAnythingButOnePolicy() {
        String p = "permit(principal, action, resource) unless { context.input.amount > 5 };";
        assertThat(CEDAR.view(p)).isSameAs(CEDAR.view(p));
        assertThat(CEDAR.view(p).conditions().get(0).unless()).isTrue();
        assertThatThrownBy(() -> CEDAR.view(p + p)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Optional.of(CEDAR.view(p).action())).containsInstanceOf(ActionScope.Any.class);
    }
}
