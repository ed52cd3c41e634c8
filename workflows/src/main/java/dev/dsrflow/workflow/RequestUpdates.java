package dev.dsrflow.workflow;

/** Names of the updates and queries every request workflow answers. */
public final class RequestUpdates {
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    public static final String CANCEL = "cancel";
    public static final String EXTEND = "extend";
    public static final String RETRY_PRODUCT = "retryProduct";
    public static final String COMPLETE_PRODUCT = "completeProduct";
    public static final String SKIP_PRODUCT = "skipProduct";
    public static final String RENEW = "renew";
    public static final String RELEASE = "release";
    public static final String VERIFY = "verify";
    public static final String RESEND_CODE = "resendCode";
    public static final String VIEW = "view";

    private RequestUpdates() {}
}
