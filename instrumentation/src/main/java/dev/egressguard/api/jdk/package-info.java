/**
 * Helpers the advice inlined into JDK classes calls. They sit beside the API on the bootstrap class path
 * because JDK classes can see nothing else of the agent; they use only JDK types.
 */
package dev.egressguard.api.jdk;
