package dev.dsrflow.catalogue;

/** Purposes of processing, from the policy's "Why and how we process your information". */
public enum Purpose {
    PERSONALIZE_PRODUCTS("Personalizing the Products (other than ads)"),
    PROVIDE_ADS("Providing ads on the Products"),
    PROVIDE_AND_IMPROVE("Providing and improving our Products"),
    SAFETY_INTEGRITY_SECURITY("Promoting safety, integrity and security on and across the Products"),
    COMMUNICATE("To communicate with you"),
    CROSS_BORDER_TRANSFER("Transferring, storing or processing your information across borders"),
    THIRD_PARTY_ADS_TAILORING("Receiving and using information from third parties to tailor the ads you see"),
    SHARE_ON_REQUEST("Sharing your contact, profile or other information with third parties upon your request"),
    MEASUREMENT_ANALYTICS("Providing measurement, analytics and business services"),
    SHARE_ACROSS_COMPANIES("Sharing of information across the Companies"),
    BUSINESS_INTELLIGENCE("Business intelligence and analytics"),
    MARKETING("Providing marketing communications to you"),
    RESEARCH("Research and innovate for social good"),
    LEGAL_REQUESTS("Sharing information with others, including law enforcement and to respond to legal requests");

    private final String description;

    Purpose(String description) {
        this.description = description;
    }

    /** The purpose as the policy words it. */
    public String description() {
        return description;
    }
}
