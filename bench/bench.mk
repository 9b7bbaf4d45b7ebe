# SPDX-License-Identifier: GPL-2.0
bench: barriermap $(BUILD)/floor
	$(Q)bench/bench.sh $(KDIR)

# the libclang floor: the scanner's parse and tokenize alone (bench/floor.c)
$(BUILD)/floor: bench/floor.c $(filter-out %/main.o,$(OBJS))
	$(quiet) LD $@
	$(Q)$(CC) $(CPPFLAGS) $(WARNINGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

.PHONY: bench

# issue 13's figures: KVM and the whole tree, cold and warm, beside the
# libclang floor and spatch (bench/scale.sh; about ten minutes on 2 CPUs)
bench-scale: barriermap $(BUILD)/floor
	$(Q)bench/scale.sh $(KDIR)

.PHONY: bench-scale
