// SPDX-License-Identifier: GPL-2.0
/* A fixture written for barriermap's tests: generic code with no barrier. */

int fixture_generic(void)
{
	return 0;
}
