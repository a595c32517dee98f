package com.cedarauthoring.translate.rules;

import static com.cedarauthoring.translate.rules.TestSchemas.DEC;
import static com.cedarauthoring.translate.rules.TestSchemas.LONG;
import static com.cedarauthoring.translate.rules.TestSchemas.STR;
import static com.cedarauthoring.translate.rules.TestSchemas.enumOf;
import static com.cedarauthoring.translate.rules.TestSchemas.opt;
import static com.cedarauthoring.translate.rules.TestSchemas.req;
import static com.cedarauthoring.translate.rules.TestSchemas.tool;
import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.gateway.AuthorizerType;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.translate.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A gateway unlike the fixtures (camelCase tools, decimal money, enums) to keep the compiler general. */
class RulesOtherGatewayTest {
    private static final GatewaySchema HR = TestSchemas.schema(AuthorizerType.CUSTOM_JWT,
            tool("HrApi", "getEmployeeRecord", "Get the record of an employee", req("employeeId", STR), opt("department", STR)),
            tool("HrApi", "approveLeaveRequest", "Approve a leave request", req("days", LONG),
                    enumOf("leaveType", true, "annual", "sick", "unpaid"), opt("reason", STR)),
            tool("HrApi", "updateSalary", "Update the salary of an employee", req("employeeId", STR), req("newSalary", DEC),
                    req("currency", STR)),
            tool("JobsApi", "listOpenPositions", "List open job positions", opt("location", STR)));

    private static String when(String text) {
        List<Candidate> cs = RulesTranslatorTest.translate(HR, text);
        assertThat(cs).hasSize(1);
        Candidate c = cs.get(0);
        assertThat(c.cedar()).as(text + " " + c.findings()).isPresent();
        return RulesTranslatorTest.flat(c.cedar().get());
    }

    @Test
    void camelCaseToolsAndAttributes() {
        assertThat(when("Allow users with role hr to view employee records when the department is finance"))
                .contains("AgentCore::Action::\"HrApi___getEmployeeRecord\"")
                .contains("context.inputhasdepartment&&context.input.department==\"finance\"");
        assertThat(when("Allow users with role manager to approve leave requests when the number of days is at most 10 and the leave type is annual or sick"))
                .contains("HrApi___approveLeaveRequest").contains("context.input.days<=10")
                .contains("[\"annual\",\"sick\"].containscontext.input.leaveType");
        assertThat(when("Allow users with role hr to update salaries when the new salary is below 150,000.50"))
                .contains("context.input.newSalary.lessThandecimal\"150000.5\"");
        assertThat(when("Allow everyone to list open positions")).contains("JobsApi___listOpenPositions");
        assertThat(when("Allow users with role recruiter to use all JobsApi tools")).contains("actioninAgentCore::Action::\"JobsApi\"");
        assertThat(when("Allow users with role manager to approve leave requests for fewer than 5 days")).contains("context.input.days<5");
    }

    @Test
    void unknownThingsAreNotTranslatable() {
        Candidate c = RulesTranslatorTest.translate(HR, "Allow users with role hr to fire employees").get(0);
        assertThat(c.cedar()).isEmpty();
        Candidate d = RulesTranslatorTest.translate(HR, "Allow users with role manager to approve leave requests when the days are 2.5").get(0);
        assertThat(d.cedar()).isEmpty();
        assertThat(d.findings().get(0).code()).isEqualTo("FRACTIONAL_ON_LONG");
    }
}
