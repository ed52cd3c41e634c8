package dev.dsrflow.identity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * Turns a request's resolved identifiers into subject keys, beside the workflows: the HMAC secret
 * never enters a workflow. A pure function of its input, so a retry or a replay that runs it again
 * answers the same.
 */
@ActivityInterface(namePrefix = "SubjectKeys")
public interface SubjectKeyActivities {
    /**
     * The subject keys of every identifier of the subject, the request's filed key first, each
     * once; an identifier that cannot be normalised (a product answered a phone number
     * libphonenumber cannot read) is left out.
     */
    @ActivityMethod
    List<String> keys(ResolvedSubject subject);
}
