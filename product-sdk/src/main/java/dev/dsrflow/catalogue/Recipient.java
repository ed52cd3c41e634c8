package dev.dsrflow.catalogue;

/** Recipients the policy names in "How do we share information with third parties?". */
public enum Recipient {
    PEOPLE_YOU_SHARE_WITH("People and accounts you share and communicate with"),
    INTEGRATED_PARTNERS("Integrated partners"),
    ADVERTISERS("Advertisers and Audience Network publishers"),
    ANALYTICS_PARTNERS("Partners who use our analytics services"),
    COMMERCE_PARTNERS("Partners who offer goods or services on our Products and commerce services platforms"),
    MEASUREMENT_VENDORS("Measurement vendors"),
    MARKETING_VENDORS("Marketing vendors"),
    SERVICE_PROVIDERS("Service providers"),
    EXTERNAL_RESEARCHERS("External researchers"),
    LEGAL_REQUESTERS("Third parties in response to legal requests, to comply with law or to prevent harm"),
    COMPANY_GROUP("The other companies of the group");

    private final String description;

    Recipient(String description) {
        this.description = description;
    }

    /** The recipient as the policy words it. */
    public String description() {
        return description;
    }
}
