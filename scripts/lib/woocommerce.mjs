// The built WooCommerce plugin the WooCommerce test layers and `npm start -- --woocommerce` use:
// WOOCOMMERCE_DIR when set, else the vendored tarball in ../shared/vendor/ (beside the
// repository, never inside it) unpacked once into .cache/woocommerce/.
import {
	existsSync,
	mkdirSync,
	readdirSync,
	renameSync,
	rmSync,
} from 'node:fs';
import path from 'node:path';
import { CACHE_DIR, REPO_ROOT, log, rel, run } from './system.mjs';

export const VENDOR_DIR = path.resolve( REPO_ROOT, '..', 'shared', 'vendor' );
export const NO_WOOCOMMERCE =
	'no WooCommerce: set WOOCOMMERCE_DIR to a built WooCommerce plugin, or put its tarball in ../shared/vendor/';

/**
 * Finds or unpacks WooCommerce.
 *
 * @return {string|null} The plugin directory (the one holding woocommerce.php), or null when
 *                       neither WOOCOMMERCE_DIR nor a tarball in ../shared/vendor/ is there.
 */
export function ensureWooCommerce() {
	if ( process.env.WOOCOMMERCE_DIR ) {
		const dir = path.resolve( process.env.WOOCOMMERCE_DIR );
		if ( ! existsSync( path.join( dir, 'woocommerce.php' ) ) ) {
			throw new Error(
				`WOOCOMMERCE_DIR=${ dir } holds no woocommerce.php: name a built WooCommerce plugin folder`
			);
		}
		return dir;
	}
	const tarball = existsSync( VENDOR_DIR )
		? readdirSync( VENDOR_DIR )
				.filter( ( f ) => /^woocommerce-[\d.]+\.tar\.gz$/.test( f ) )
				.sort()
				.pop()
		: undefined;
	if ( ! tarball ) {
		return null;
	}
	const version = tarball.replace( /^woocommerce-|\.tar\.gz$/g, '' );
	const target = path.join( CACHE_DIR, 'woocommerce', version );
	const dir = path.join( target, 'woocommerce' );
	if ( existsSync( path.join( dir, 'woocommerce.php' ) ) ) {
		return dir;
	}
	// Unpacked beside the target and renamed into place, so an interrupted unpack is never used.
	const work = `${ target }.tmp-${ process.pid }`;
	rmSync( work, { recursive: true, force: true } );
	mkdirSync( work, { recursive: true } );
	run( 'tar', [ '-xzf', path.join( VENDOR_DIR, tarball ), '-C', work ] );
	rmSync( target, { recursive: true, force: true } );
	renameSync( work, target );
	log( `WooCommerce ${ version } unpacked into ${ rel( dir ) }` );
	return dir;
}

/**
 * WooCommerce for a command that cannot go on without it.
 *
 * @return {string} The plugin directory.
 */
export function requireWooCommerce() {
	const dir = ensureWooCommerce();
	if ( ! dir ) {
		throw new Error( NO_WOOCOMMERCE );
	}
	return dir;
}
