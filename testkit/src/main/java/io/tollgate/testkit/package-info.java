/** Test support shared by the modules' tests (a test-scoped dependency of each); nothing in product code uses it. */
package io.tollgate.testkit;
