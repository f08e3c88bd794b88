package io.mqchat.extension.auth;

import java.time.Instant;

/**
 * Who a verified token speaks for: a user, or a service account (a worker). Service accounts are marked by
 * the claim {@value #ROLE_CLAIM} = {@value #SERVICE_ROLE} and their subject starts with {@value #SERVICE_PREFIX};
 * a user token can never take a subject of that form, so no user can pose as a worker.
 *
 * @param subject    the token's {@code sub}
 * @param service    true for a service account
 * @param validUntil when the token stops being accepted: its {@code exp} plus the allowed clock skew
 */
public record Identity(String subject, boolean service, Instant validUntil) {

    public static final String ROLE_CLAIM = "mqchat_role";
    public static final String SERVICE_ROLE = "service";
    public static final String SERVICE_PREFIX = "svc-";
}
