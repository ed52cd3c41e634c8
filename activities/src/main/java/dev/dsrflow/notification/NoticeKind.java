package dev.dsrflow.notification;

/** What a notice to a data subject tells them. */
public enum NoticeKind {
    /** The 6-digit code that proves control of the address. */
    VERIFICATION_CODE,
    /** The request was received (and verified): its due date and the status page. */
    ACKNOWLEDGEMENT,
    /** The due date moved, and why (GDPR Art. 12(3)). */
    EXTENSION,
    /** An access request is done: the report is attached. */
    ACCESS_READY,
    /** A download is ready: the link and when it expires. */
    DOWNLOAD_READY,
    /** A deletion is done: what was erased, and what was kept and why. */
    DELETION_DONE,
    /** The request was refused (or never verified): the reason and where to complain. */
    REJECTED
}
