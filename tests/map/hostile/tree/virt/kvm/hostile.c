// SPDX-License-Identifier: GPL-2.0-only
/*
 * A fixture for barriermap's injection tests: comments full of RST and
 * HTML that must come out of the map as literal text.
 */
#include <linux/kvm_host.h>

void hostile_writer(int *flag, int *data)
{
	*data = 1;
	/*
	 * Pairs with smp_rmb() in hostile_reader().
	 *
	 * .. raw:: html
	 *
	 *    <script>alert("raw")</script>
	 *
	 * :ref:`injected-role` |injected-substitution| *emphasis* `code`_ [1]_
	 * <img src=x onerror=alert("img")> back\slash \\ \` `` ``
	 *
	 * Injected title
	 * ==============
	 *
	 * +-----------+---+
	 * | injected  | t |
	 * +-----------+---+
	 *
	 * .. include:: /etc/passwd
	 */
	smp_wmb();
	WRITE_ONCE(*flag, 1);
}

void hostile_trailing(int *flag)
{
	smp_mb(); // .. raw:: html <script>alert("trailing")</script> :ref:`x`
	WRITE_ONCE(*flag, 2);
}

void hostile_reference(int *flag)
{
	/* Pairs with smp_rmb() in <script>alert("ref")</script>_reader`_(). */
	smp_wmb();
	WRITE_ONCE(*flag, 3);
}
