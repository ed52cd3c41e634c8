package dev.dsrflow.catalogue;

/** The four headings under which the privacy policy lists the information it collects. */
public enum PolicyHeading {
    YOUR_ACTIVITY("Your activity and information you provide"),
    CONNECTIONS("Friends, followers and other connections"),
    APP_BROWSER_DEVICE("App, browser and device information"),
    PARTNERS_VENDORS_THIRD_PARTIES("Information from partners, vendors and third parties");

    private final String title;

    PolicyHeading(String title) {
        this.title = title;
    }

    /** The heading as the policy words it. */
    public String title() {
        return title;
    }
}
