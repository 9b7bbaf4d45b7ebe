# SPDX-License-Identifier: GPL-2.0
bench: barriermap
	$(Q)bench/bench.sh $(KDIR)

.PHONY: bench
