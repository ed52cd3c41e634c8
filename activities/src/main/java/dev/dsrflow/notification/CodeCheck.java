package dev.dsrflow.notification;

/**
 * A code the subject entered, checked against the keyed hash of the code that was mailed.
 *
 * @param noticeId the code notice's id (the hash is bound to it)
 * @param codeHash the keyed hash {@link SubjectNoticeActivities#sendCode} returned
 * @param code what the subject entered
 */
public record CodeCheck(String noticeId, String codeHash, String code) {
    @Override
    public String toString() {
        return "CodeCheck[" + noticeId + "]";
    }
}
