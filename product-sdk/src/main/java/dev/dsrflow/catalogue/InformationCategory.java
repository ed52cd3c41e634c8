package dev.dsrflow.catalogue;

import static dev.dsrflow.catalogue.PolicyHeading.APP_BROWSER_DEVICE;
import static dev.dsrflow.catalogue.PolicyHeading.PARTNERS_VENDORS_THIRD_PARTIES;
import static dev.dsrflow.catalogue.PolicyHeading.YOUR_ACTIVITY;
import static dev.dsrflow.catalogue.Purpose.*;
import static dev.dsrflow.catalogue.Recipient.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * The typed catalogue of information categories the policy collects, each with the purposes
 * it is processed for and the recipients it may reach (the GDPR Art. 15 data map), and the
 * retention rationale the policy gives (case by case).
 */
public enum InformationCategory {
    PROFILE(
            YOUR_ACTIVITY,
            "Account and profile information you provide, such as name, contact details and settings",
            EnumSet.of(
                    PROVIDE_AND_IMPROVE,
                    PERSONALIZE_PRODUCTS,
                    COMMUNICATE,
                    SAFETY_INTEGRITY_SECURITY,
                    SHARE_ON_REQUEST,
                    CROSS_BORDER_TRANSFER,
                    LEGAL_REQUESTS),
            EnumSet.of(PEOPLE_YOU_SHARE_WITH, INTEGRATED_PARTNERS, SERVICE_PROVIDERS, COMPANY_GROUP, LEGAL_REQUESTERS)),
    CONTENT(
            YOUR_ACTIVITY,
            "Content you create, such as posts, comments, photos, videos and audio",
            EnumSet.of(
                    PROVIDE_AND_IMPROVE,
                    PERSONALIZE_PRODUCTS,
                    PROVIDE_ADS,
                    SAFETY_INTEGRITY_SECURITY,
                    RESEARCH,
                    LEGAL_REQUESTS),
            EnumSet.of(
                    PEOPLE_YOU_SHARE_WITH,
                    INTEGRATED_PARTNERS,
                    SERVICE_PROVIDERS,
                    EXTERNAL_RESEARCHERS,
                    LEGAL_REQUESTERS)),
    MESSAGES(
            YOUR_ACTIVITY,
            "Messages you send and receive, and their metadata",
            EnumSet.of(PROVIDE_AND_IMPROVE, SAFETY_INTEGRITY_SECURITY, LEGAL_REQUESTS),
            EnumSet.of(PEOPLE_YOU_SHARE_WITH, SERVICE_PROVIDERS, LEGAL_REQUESTERS)),
    ACTIVITY(
            YOUR_ACTIVITY,
            "Your activity on the Products: what you view and interact with, hashtags, apps and features you use",
            EnumSet.of(
                    PERSONALIZE_PRODUCTS,
                    PROVIDE_ADS,
                    PROVIDE_AND_IMPROVE,
                    MEASUREMENT_ANALYTICS,
                    BUSINESS_INTELLIGENCE,
                    SAFETY_INTEGRITY_SECURITY),
            EnumSet.of(ANALYTICS_PARTNERS, MEASUREMENT_VENDORS, SERVICE_PROVIDERS, COMPANY_GROUP)),
    PURCHASES(
            YOUR_ACTIVITY,
            "Purchases and other transactions, including payment information",
            EnumSet.of(
                    PROVIDE_AND_IMPROVE, SAFETY_INTEGRITY_SECURITY, COMMUNICATE, MEASUREMENT_ANALYTICS, LEGAL_REQUESTS),
            EnumSet.of(COMMERCE_PARTNERS, SERVICE_PROVIDERS, LEGAL_REQUESTERS)),
    AD_INTERACTIONS(
            YOUR_ACTIVITY,
            "Ads you see and interact with, and your ad preferences",
            EnumSet.of(PROVIDE_ADS, MEASUREMENT_ANALYTICS, MARKETING),
            EnumSet.of(ADVERTISERS, MEASUREMENT_VENDORS, MARKETING_VENDORS)),
    CONNECTIONS(
            PolicyHeading.CONNECTIONS,
            "Friends, followers, groups, accounts and hashtags you are connected to, and how you interact with them",
            EnumSet.of(PERSONALIZE_PRODUCTS, PROVIDE_AND_IMPROVE, SAFETY_INTEGRITY_SECURITY, SHARE_ACROSS_COMPANIES),
            EnumSet.of(PEOPLE_YOU_SHARE_WITH, INTEGRATED_PARTNERS, COMPANY_GROUP)),
    CONTACTS(
            PolicyHeading.CONNECTIONS,
            "Contact information you upload or sync from your address book",
            EnumSet.of(PROVIDE_AND_IMPROVE, PERSONALIZE_PRODUCTS),
            EnumSet.of(SERVICE_PROVIDERS)),
    DEVICE(
            APP_BROWSER_DEVICE,
            "Device characteristics and identifiers, device signals and settings, app and browser information",
            EnumSet.of(PROVIDE_AND_IMPROVE, SAFETY_INTEGRITY_SECURITY, MEASUREMENT_ANALYTICS, PROVIDE_ADS),
            EnumSet.of(ANALYTICS_PARTNERS, MEASUREMENT_VENDORS, SERVICE_PROVIDERS, COMPANY_GROUP)),
    NETWORK_AND_LOCATION(
            APP_BROWSER_DEVICE,
            "Network and connection information, IP address and location-related information",
            EnumSet.of(PROVIDE_AND_IMPROVE, SAFETY_INTEGRITY_SECURITY, PERSONALIZE_PRODUCTS, CROSS_BORDER_TRANSFER),
            EnumSet.of(SERVICE_PROVIDERS, LEGAL_REQUESTERS)),
    PARTNER_ACTIVITY(
            PARTNERS_VENDORS_THIRD_PARTIES,
            "Information partners, vendors and third parties share about your activity off the Products",
            EnumSet.of(THIRD_PARTY_ADS_TAILORING, MEASUREMENT_ANALYTICS, SAFETY_INTEGRITY_SECURITY),
            EnumSet.of(ADVERTISERS, ANALYTICS_PARTNERS, MEASUREMENT_VENDORS));

    /** The policy's retention rationale, which applies to every category. */
    public static final String RETENTION =
            "Kept as long as needed to provide the Products, comply with legal obligations or protect"
                    + " interests, decided case by case; preserved longer in response to legal requests.";

    private final PolicyHeading heading;
    private final String description;
    private final Set<Purpose> purposes;
    private final Set<Recipient> recipients;

    InformationCategory(PolicyHeading heading, String description, Set<Purpose> purposes, Set<Recipient> recipients) {
        this.heading = heading;
        this.description = description;
        this.purposes = Set.copyOf(purposes);
        this.recipients = Set.copyOf(recipients);
    }

    public PolicyHeading heading() {
        return heading;
    }

    public String description() {
        return description;
    }

    public Set<Purpose> purposes() {
        return purposes;
    }

    public Set<Recipient> recipients() {
        return recipients;
    }
}
