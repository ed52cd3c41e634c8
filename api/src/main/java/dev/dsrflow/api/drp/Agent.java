package dev.dsrflow.api.drp;

import java.security.PublicKey;
import java.util.List;

/** An authorized agent dsrflow accepts requests from: its id, verify key and callback domains. */
record Agent(String id, PublicKey verifyKey, List<String> callbackDomains) {}
