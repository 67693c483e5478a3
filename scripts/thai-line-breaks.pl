#!/usr/bin/env perl
# Counts where printed documents break Thai lines inside a word, as Debian's `swath` segmenter reads the text:
#   scripts/thai-line-breaks.pl [-v] FILE.pdf...
# Each page is read with `pdftotext -layout`; a line is cut into its columns (runs of text between gaps of three or
# more spaces), and each column is paired with the column of the line above that it lies under. Where the upper
# column ends in a Thai letter and the lower one starts with one, the Thai letters either side are joined and swath
# is asked whether the junction is a word boundary. Prints one line per file:
#   FILE: N Thai-to-Thai line breaks, M inside a word (P%)
# and with -v each break inside a word as "left|right". Needs poppler-utils and swath (./test.sh installs both).
use strict;
use warnings;
use utf8;
use open qw(:std :encoding(UTF-8));
use IPC::Open2;

my $verbose = @ARGV && $ARGV[0] eq '-v' ? shift @ARGV : 0;
die "usage: $0 [-v] FILE.pdf...\n" unless @ARGV;

# A Thai letter, vowel or mark; not the digits, nor ฯ and ๆ, which end a word.
my $thai = qr/[\x{0E01}-\x{0E2E}\x{0E30}-\x{0E45}\x{0E47}-\x{0E4E}]/;

sub columns { # [start, end, text] of each run of text between gaps of 3+ spaces
    my ($line) = @_;
    my @columns;
    while ($line =~ /(\S(?:.*?\S)??)(?=\s{3,}|\s*$)/g) {
        push @columns, [$-[1], $+[1], $1];
    }
    return @columns;
}

sub junctions { # ([left, right], ...) for every line break between Thai letters in the PDF
    my ($pdf) = @_;
    open(my $text, '-|', 'pdftotext', '-layout', '-enc', 'UTF-8', $pdf, '-') or die "pdftotext: $!";
    my (@found, @above);
    while (my $line = <$text>) {
        chomp $line;
        @above = () if $line =~ s/\f//g;    # a new page
        my @here = columns($line);
        for my $column (@here) {
            my ($best, $overlap) = (undef, 0);
            for my $upper (@above) {
                my $shared = ($column->[1] < $upper->[1] ? $column->[1] : $upper->[1]) - ($column->[0] > $upper->[0] ? $column->[0] : $upper->[0]);
                ($best, $overlap) = ($upper, $shared) if $shared > $overlap;
            }
            next unless $best && $best->[2] =~ /($thai+)$/;
            my $left = $1;
            push @found, [$left, $1] if $column->[2] =~ /^($thai+)/;
        }
        @above = @here;
    }
    close $text;
    return @found;
}

for my $pdf (@ARGV) {
    my @junctions = junctions($pdf);
    my @inside;
    if (@junctions) {
        # swath reads one line at a time and writes it back with "|" at each word boundary.
        my $pid = open2(my $from, my $to, 'swath', '-b', '|', '-u', 'u,u');
        binmode $_, ':encoding(UTF-8)' for $from, $to;
        print $to "$_->[0]$_->[1]\n" for @junctions;
        close $to;
        for my $junction (@junctions) {
            my $segmented = <$from>;
            chomp $segmented;
            my ($seen, $boundary) = (0, 0);
            for my $c (split //, $segmented) {
                if ($c eq '|') { $boundary = 1 if $seen == length $junction->[0]; next }
                $seen++;
            }
            push @inside, "$junction->[0]|$junction->[1]" unless $boundary;
        }
        waitpid $pid, 0;
    }
    if ($verbose) { print "    $_\n" for @inside }
    printf "%s: %d Thai-to-Thai line breaks, %d inside a word (%.1f%%)\n", $pdf, scalar @junctions, scalar @inside,
        @junctions ? 100 * @inside / @junctions : 0;
}
