<?php
/**
 * Bytes in a declared charset to valid UTF-8, whatever the label says. mbstring first (it knows
 * the Windows and CJK code pages), iconv for what it lacks, and for an unknown or missing label
 * UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what mislabelled Western mail is).
 * The result never holds invalid UTF-8 or NUL bytes.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class Charset {

	/**
	 * Labels that mean a superset in practice: mail labelled Latin-1 is written by Windows, and
	 * GB2312/GBK mail uses characters only GB18030 names (WHATWG's Encoding standard does the same).
	 */
	private const SUPERSETS = array(
		'us-ascii'        => 'utf-8',
		'ascii'           => 'utf-8',
		'iso-8859-1'      => 'windows-1252',
		'latin1'          => 'windows-1252',
		'iso_8859-1'      => 'windows-1252',
		'gb2312'          => 'gb18030',
		'gbk'             => 'gb18030',
		'x-gbk'           => 'gb18030',
		'cp936'           => 'gb18030',
		'euc-cn'          => 'gb18030',
		'iso-2022-jp'     => 'iso-2022-jp-ms',
		'shift_jis'       => 'cp932',
		'x-sjis'          => 'cp932',
		'ks_c_5601-1987'  => 'cp949',
		'euc-kr'          => 'cp949',
		'big5'            => 'cp950',
		'unicode-1-1-utf-7' => 'utf-7',
		'utf8'            => 'utf-8',
	);

	/** mbstring "encodings" that are transfer encodings or internal forms, not charsets. */
	private const NOT_CHARSETS = array(
		'pass',
		'auto',
		'wchar',
		'byte2be',
		'byte2le',
		'byte4be',
		'byte4le',
		'base64',
		'uuencode',
		'html-entities',
		'qprint',
		'quoted-printable',
		'7bit',
		'8bit',
	);

	/** @var array<string, string>|null Lowercased names and aliases mbstring converts from, to its name. */
	private static ?array $mb = null;

	public static function to_utf8( string $bytes, string $label = '' ): string {
		$label = strtolower( trim( $label, " \t\"'" ) );
		$label = self::SUPERSETS[ $label ] ?? $label;
		if ( '' === $bytes ) {
			return '';
		}
		$ascii = ! preg_match( '/[\x80-\xFF\x1B]/', $bytes ) && ! preg_match( '/^(?:utf-(?:7|16|32)|ucs-)/', $label );
		if ( $ascii || 'utf-8' === $label ) {
			$out = $bytes;
		} elseif ( '' === $label ) {
			$out = mb_check_encoding( $bytes, 'UTF-8' ) ? $bytes : self::convert( $bytes, 'windows-1252' );
		} else {
			$out = self::convert( $bytes, $label ) ?? ( mb_check_encoding( $bytes, 'UTF-8' ) ? $bytes : self::convert( $bytes, 'windows-1252' ) );
		}
		return str_replace( "\0", '', mb_scrub( (string) $out, 'UTF-8' ) );
	}

	private static function convert( string $bytes, string $label ): ?string {
		if ( null === self::$mb ) {
			self::$mb = array();
			foreach ( mb_list_encodings() as $name ) {
				foreach ( array_merge( array( $name ), mb_encoding_aliases( $name ) ) as $alias ) {
					self::$mb[ strtolower( $alias ) ] = strtolower( $name );
				}
			}
		}
		if ( isset( self::$mb[ $label ] ) ) {
			return in_array( self::$mb[ $label ], self::NOT_CHARSETS, true ) ? null : mb_convert_encoding( $bytes, 'UTF-8', $label );
		}
		if ( preg_match( '/^[a-z0-9_.:-]{1,40}$/', $label ) ) {
			// iconv warns on labels it does not know and on bad sequences; both mean "try the next way".
			$out = @iconv( $label, 'UTF-8//IGNORE', $bytes ); // phpcs:ignore Generic.PHP.NoSilencedErrors
			if ( false !== $out ) {
				return $out;
			}
		}
		return null;
	}
}
