#!/usr/bin/perl
# Copies stdin to stdout unbuffered, dropping absl's INFO/WARNING log lines (see the lowfreq launcher).
# A partial line is held back only while it could still become such a line, so progress bars
# (which redraw with \r and no newline) appear at once.
use strict;
use warnings;
$SIG{INT} = 'IGNORE';   # Ctrl-C stops the JVM; this filter ends when the JVM's stderr closes
$SIG{TERM} = 'IGNORE';
$| = 1;
# absl's format: severity letter, MMDD, time (raw seconds before InitializeLog), thread id, file:line]
my $noise = qr/^(?:WARNING:[ ]All[ ]log[ ]messages[ ]before[ ]absl::InitializeLog\(\).*
               |[IW]\d{4}[ ][\d:.]+[ ]+\d+[ ]\S+:\d+\][ ].*)$/x;
# what the start of a noise line can look like before its end has arrived
my $maybe = qr/^(?:W(?:A(?:R(?:N(?:I(?:N(?:G(?::.*)?)?)?)?)?)?)?|[IW][\d:. ]*(?:\d[ ]\S*)?)$/x;
my $buf = '';
while (sysread(STDIN, my $chunk, 65536)) {
    $buf .= $chunk;
    my $out = '';
    while ($buf =~ s/^([^\r\n]*(?:\r\n|\n|\r))//) {
        my $line = $1;
        (my $text = $line) =~ s/[\r\n]+$//;
        $out .= $line unless $text =~ $noise;
    }
    if ($buf ne '' && ($buf !~ $maybe || length($buf) > 4096)) {
        $out .= $buf;
        $buf = '';
    }
    syswrite(STDOUT, $out) if $out ne '';
}
syswrite(STDOUT, $buf) if $buf ne '' && $buf !~ $noise;
