# SPDX-License-Identifier: GPL-2.0
# Comment text and file names are untrusted: the fixture in hostile/tree
# holds comments full of RST directives, roles, substitutions, titles,
# tables and HTML, and a file name full of inline markup.  The map must
# build with sphinx-build -W (no unknown target, substitution or role) and
# show all of it as text.
#
# check-name: hostile comments build warning-free and no raw HTML reaches the page
# check-command: $BM map --kernel $dir/hostile/tree -o $TMP/m && sphinx-build -q -W -b html -c $ROOT $TMP/m $TMP/h && cat $TMP/h/generic.html
# check-exit-value: 0
# check-output-contains: &lt;script&gt;alert(&quot;raw&quot;)&lt;/script&gt;
# check-output-contains: &lt;script&gt;alert(&quot;trailing&quot;)&lt;/script&gt; :ref:`x`
# check-output-contains: &lt;script&gt;alert(&quot;ref&quot;)&lt;/script&gt;_reader`_()
# check-output-contains: &lt;img src=x onerror=alert(&quot;img&quot;)&gt; back\slash \\ \` `` ``
# check-output-contains: :ref:`injected-role` |injected-substitution| *emphasis* `code`_ [1]_
# check-output-contains: * .. raw:: html
# check-output-contains: * .. include:: /etc/passwd
# check-output-contains: * | injected  | t |
# check-output-contains: 3. virt/kvm/odd`name`_*x*.c
# check-output-excludes: <script>alert
# check-output-excludes: <img src
# check-output-excludes: <p>injected
# check-output-excludes: id="injected-title"
# check-output-excludes: <em>emphasis</em>
# check-output-excludes: root:x:0:0
#
# check-name: hostile text stays in code-block bodies and escaped text in the RST itself
# check-command: PATH=$dir/fakebin:$PATH $BM map --kernel $dir/hostile/tree -o $TMP/m && cat $TMP/m/generic.rst
# check-exit-value: 0
# check-output-contains: Comment, above the barrier, in the code:
# check-output-contains:             *    <script>alert("raw")</script>
# check-output-contains:            smp_mb(); // .. raw:: html <script>alert("trailing")</script> :ref:`x`
# check-output-contains: :Location: virt/kvm/odd\`name\`\_\*x\*.c:6
# check-output-contains:    :caption: the barrier, virt/kvm/odd\`name\`\_\*x\*.c, lines 3–8
# check-output-contains: 3. virt/kvm/odd\`name\`\_\*x\*.c
# check-output-contains: label="virt/kvm/odd?name?_?x?.c"
# check-output-excludes: .. _injected
#
# check-name: hostile file names still give ids that the graph's links can reach
# check-command: PATH=$dir/fakebin:$PATH $BM map --kernel $dir/hostile/tree -o $TMP/m && cat $TMP/m/generic.rst
# check-exit-value: 0
# check-output-contains: .. _kvm-barrier-virt-kvm-odd-name-x-c-odd-file-writer-smp-wmb:
# check-output-contains: URL="generic.html#kvm-barrier-virt-kvm-odd-name-x-c-odd-file-writer-smp-wmb", target="_top"
