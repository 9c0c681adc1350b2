/** Test support shared by the Weld (CDI container) tests. */
package io.karuta.testing;
