/**
 * Implementation of the client library. Not an API: anything here may change without notice.
 */
package io.mqchat.client.internal;
