package dev.dsrflow.console;

import dev.dsrflow.api.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which actions a page offers a person, and why one is disabled. This only decides what to show:
 * every action is still checked by the API (role by request type, four eyes, the workflow's state),
 * whose refusal the page shows if it disagrees.
 */
final class ActionRules {
    private static final Set<String> PRODUCT_FINISHED = Set.of("DONE", "NO_DATA", "SKIPPED");

    private ActionRules() {}

    /** The request-level actions for this request's type, each enabled or disabled with its reason. */
    static List<RequestPage.Action> requestActions(RequestSummary r, Person person) {
        List<RequestPage.Action> actions = new ArrayList<>();
        boolean preservation = "PRESERVATION".equals(r.type());
        if (preservation || "DELETION".equals(r.type())) {
            String approver = preservation ? Roles.LEGAL : Roles.PRIVACY_OPS;
            String why = approvalBlocker(r, person, approver);
            actions.add(action("approve", "Approve", why, false, false));
            actions.add(action("reject", "Reject", why, true, true));
        }
        if (!preservation) {
            actions.add(action("extend", "Extend due date", extendBlocker(r, person), true, false));
        }
        actions.add(action("cancel", "Cancel request", cancelBlocker(r, person), false, true));
        if (preservation) {
            String why = roleBlocker(person, Roles.LEGAL, "Holds are renewed and released by legal");
            if (why == null && !"ACTIVE".equals(r.status())) {
                why = "Only a preservation in force (ACTIVE) can be renewed or released";
            }
            actions.add(action("renew", "Renew hold", why, false, false));
            actions.add(action("release", "Release hold", why, true, true));
        }
        return actions;
    }

    /** The product actions for one product of the request. */
    static List<RequestPage.Action> productActions(RequestSummary r, String product, String status, Person person) {
        String role = "PRESERVATION".equals(r.type()) ? Roles.LEGAL : Roles.PRIVACY_OPS;
        if (!person.roles().contains(role) || r.isFinal() || PRODUCT_FINISHED.contains(status)) {
            return List.of();
        }
        List<RequestPage.Action> actions = new ArrayList<>();
        if ("FAILED".equals(status)) {
            actions.add(productAction("retry", "Retry", product, false));
        }
        if ("FAILED".equals(status) || "MANUAL".equals(status)) {
            actions.add(productAction("complete", "Complete", product, true));
        }
        actions.add(productAction("skip", "Skip", product, true));
        return actions;
    }

    private static String approvalBlocker(RequestSummary r, Person person, String approver) {
        String why = roleBlocker(
                person,
                approver,
                "PRESERVATION".equals(r.type())
                        ? "Preservations are approved by legal"
                        : "Deletions are approved by privacy-ops");
        if (why != null) {
            return why;
        }
        if (!"AWAITING_APPROVAL".equals(r.status())) {
            return "Only a request awaiting approval can be approved or rejected (it is " + r.status() + ")";
        }
        if (person.name().equals(r.requestedBy())) {
            return "You filed this request: a second person must approve it (four eyes)";
        }
        return null;
    }

    private static String extendBlocker(RequestSummary r, Person person) {
        String why = roleBlocker(person, Roles.PRIVACY_OPS, "Due dates are extended by privacy-ops");
        if (why != null) {
            return why;
        }
        if (r.isFinal()) {
            return "The request is over (" + r.status() + ")";
        }
        if (r.extended()) {
            return "The due date was already extended once";
        }
        if ("overdue".equals(r.urgency())) {
            return "The original due date has passed";
        }
        return null;
    }

    private static String cancelBlocker(RequestSummary r, Person person) {
        String role = "PRESERVATION".equals(r.type()) ? Roles.LEGAL : Roles.PRIVACY_OPS;
        String why = roleBlocker(
                person,
                role,
                "PRESERVATION".equals(r.type())
                        ? "Preservations are cancelled by legal"
                        : "Requests are cancelled by privacy-ops");
        if (why != null) {
            return why;
        }
        if (r.isFinal()) {
            return "The request is over (" + r.status() + ")";
        }
        if ("DELETION".equals(r.type())
                && !Set.of("RECEIVED", "AWAITING_APPROVAL", "GRACE_PERIOD").contains(r.status())) {
            return "Erasure has started: a deletion can be cancelled only before";
        }
        if ("PRESERVATION".equals(r.type()) && "ACTIVE".equals(r.status())) {
            return "A hold in force is ended by releasing it";
        }
        return null;
    }

    private static String roleBlocker(Person person, String role, String why) {
        return person.roles().contains(role) ? null : why;
    }

    private static RequestPage.Action action(
            String name, String label, String why, boolean reasonRequired, boolean danger) {
        return new RequestPage.Action(name, label, why == null, why, reasonRequired, "d-" + name, null, danger);
    }

    private static RequestPage.Action productAction(String name, String label, String product, boolean reasonRequired) {
        return new RequestPage.Action(name, label, true, null, reasonRequired, "d-" + name, product, false);
    }
}
